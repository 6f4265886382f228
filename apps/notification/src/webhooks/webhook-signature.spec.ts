import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = JSON.stringify({ deliveryId: '0193a1b2-0000-7000-8000-000000000001', type: 'intake.dossier.accepted', data: { tên: 'Nguyễn Thị Hoa' } });
  const now = new Date('2026-12-07T10:00:00Z');
  const timestamp = Math.floor(now.getTime() / 1000);

  it('are the hex HMAC-SHA256 of "timestamp.body" under the secret, prefixed sha256=', () => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signWebhook(secret, timestamp, body)).toBe(`sha256=${expected}`);
    expect(signWebhook(secret, String(timestamp), body)).toBe(`sha256=${expected}`);
  });

  it('verify a genuine, fresh delivery (the timestamp as its header gives it)', () => {
    expect(verifyWebhookSignature(secret, signWebhook(secret, timestamp, body), String(timestamp), body, 300, now)).toBe(true);
    expect(verifyWebhookSignature(secret, signWebhook(secret, timestamp, body), timestamp, body, 300, now)).toBe(true);
  });

  it('refuse a tampered body, another secret or a re-dated timestamp', () => {
    const signature = signWebhook(secret, timestamp, body);
    expect(verifyWebhookSignature(secret, signature, timestamp, body.replace('Hoa', 'Hòa'), 300, now)).toBe(false);
    expect(verifyWebhookSignature('whsec_other', signature, timestamp, body, 300, now)).toBe(false);
    expect(verifyWebhookSignature(secret, signature, timestamp + 1, body, 300, now)).toBe(false);
  });

  it('refuse a delivery older (or later) than the tolerance: a replay', () => {
    const old = timestamp - 301;
    expect(verifyWebhookSignature(secret, signWebhook(secret, old, body), old, body, 300, now)).toBe(false);
    const future = timestamp + 301;
    expect(verifyWebhookSignature(secret, signWebhook(secret, future, body), future, body, 300, now)).toBe(false);
    const edge = timestamp - 300;
    expect(verifyWebhookSignature(secret, signWebhook(secret, edge, body), edge, body, 300, now)).toBe(true);
  });

  it('refuse malformed or missing headers without throwing', () => {
    const hex = signWebhook(secret, timestamp, body).slice('sha256='.length);
    for (const header of [undefined, null, '', hex, `sha1=${hex}`, `sha256=${hex.toUpperCase()}`, `sha256=${hex}0`, [`sha256=${hex}`]]) {
      expect(verifyWebhookSignature(secret, header, timestamp, body, 300, now)).toBe(false);
    }
    for (const stamp of [undefined, null, '', 'abc', '-1', `${timestamp}.5`]) {
      expect(verifyWebhookSignature(secret, signWebhook(secret, timestamp, body), stamp, body, 300, now)).toBe(false);
    }
  });
});
