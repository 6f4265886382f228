import type { MessageProperties } from 'amqplib';
import { errorText, parkedCopyOptions, publishOptionsFor, retryCopyOptions } from './envelope';

describe('envelope', () => {
  const row = {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    type: 'intake.dossier.accepted',
    version: 1,
    payload: '{}',
    correlation_id: 'corr-1',
    causation_id: 'cause-1',
    created_at: new Date('2026-11-26T03:00:00.500Z'),
  };

  it('publishes an outbox row persistent, with its id as messageId and the envelope headers', () => {
    expect(publishOptionsFor(row, 'intake')).toEqual({
      messageId: row.id,
      type: 'intake.dossier.accepted',
      correlationId: 'corr-1',
      timestamp: Math.floor(row.created_at.getTime() / 1000),
      contentType: 'application/json',
      persistent: true,
      appId: 'intake',
      headers: { 'x-event-version': 1, 'x-causation-id': 'cause-1', 'x-attempt': 1 },
    });
  });

  const delivered = {
    messageId: 'm-1',
    type: 'intake.dossier.accepted',
    correlationId: 'corr-1',
    timestamp: 1790000000,
    contentType: 'application/json',
    appId: 'intake',
    headers: { 'x-event-version': 1, 'x-attempt': 2, 'x-death': [{}], 'x-first-death-queue': 'q', 'x-delivery-count': 1 },
  } as unknown as MessageProperties;

  it('copies a message for a retry with the attempt counted up and without the broker’s own headers', () => {
    const copy = retryCopyOptions(delivered, 'intake.dossier.accepted', 3, 'boom');
    expect(copy).toMatchObject({ messageId: 'm-1', type: 'intake.dossier.accepted', correlationId: 'corr-1', persistent: true });
    expect(copy.headers).toEqual({
      'x-event-version': 1,
      'x-attempt': 3,
      'x-last-error': 'boom',
      'x-original-routing-key': 'intake.dossier.accepted',
    });
  });

  it('keeps the first routing key through retries and records the failure when parking', () => {
    const retried = { ...delivered, headers: { ...delivered.headers, 'x-original-routing-key': 'first.key' } } as MessageProperties;
    const copy = parkedCopyOptions(retried, 'workflow.inbox', 'still failing', new Date('2026-11-26T00:00:00Z'));
    expect(copy.headers).toMatchObject({ 'x-error': 'still failing', 'x-failed-at': '2026-11-26T00:00:00.000Z', 'x-original-routing-key': 'first.key' });
  });

  it('reads the message of errors and of Nest’s RPC error objects', () => {
    expect(errorText(new Error('db down'))).toBe('db down');
    expect(errorText(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
    expect(errorText({ status: 'error', message: 'Internal server error' })).toBe('Internal server error');
    expect(errorText('plain')).toBe('plain');
  });
});
