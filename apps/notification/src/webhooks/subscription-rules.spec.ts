import { checkEventTypes, checkSubscription, checkWebhookUrl } from './subscription-rules';

describe('a webhook subscription', () => {
  describe('URL', () => {
    it('is an https URL', () => {
      expect(checkWebhookUrl('https://doi-tac.example.vn/motcua/webhook?agency=1', false)).toBeNull();
      expect(checkWebhookUrl('https://203.0.113.7:8443/hook', false)).toBeNull();
    });

    it('is refused, naming the url field, when it is not https', () => {
      for (const url of ['http://doi-tac.example.vn/hook', 'ftp://example.vn/x', 'doi-tac.example.vn/hook', '', 'https//x', 'javascript:alert(1)']) {
        const refusal = checkWebhookUrl(url, true);
        expect(refusal).toMatchObject({ code: 'WEBHOOK.URL_INVALID', errors: [{ field: 'url', code: 'WEBHOOK.URL_INVALID' }] });
      }
    });

    it('may be plain http to this machine only where development allows it', () => {
      for (const url of ['http://127.0.0.1:4000/hook', 'http://localhost/hook', 'http://[::1]:8080/']) {
        expect(checkWebhookUrl(url, true)).toBeNull();
        expect(checkWebhookUrl(url, false)?.code).toBe('WEBHOOK.URL_INVALID');
      }
      expect(checkWebhookUrl('http://127.0.0.2/hook', true)?.code).toBe('WEBHOOK.URL_INVALID');
      expect(checkWebhookUrl('http://localhost.example.vn/hook', true)?.code).toBe('WEBHOOK.URL_INVALID');
    });

    it('carries no credentials or fragment, and is not too long', () => {
      expect(checkWebhookUrl('https://user:pass@example.vn/hook', false)?.code).toBe('WEBHOOK.URL_INVALID');
      expect(checkWebhookUrl('https://example.vn/hook#x', false)?.code).toBe('WEBHOOK.URL_INVALID');
      expect(checkWebhookUrl(`https://example.vn/${'a'.repeat(2000)}`, false)?.code).toBe('WEBHOOK.URL_INVALID');
    });
  });

  describe('event types', () => {
    it('are any of those offered, or none (every one)', () => {
      expect(checkEventTypes([])).toBeNull();
      expect(checkEventTypes(['intake.dossier.accepted', 'workflow.deadline.overdue'])).toBeNull();
    });

    it('refuse a type not offered, naming its place in the list', () => {
      expect(checkEventTypes(['workflow.task.created', 'workflow.case.closed'])).toMatchObject({
        code: 'WEBHOOK.EVENT_UNKNOWN',
        errors: [{ field: 'events[1]', code: 'WEBHOOK.EVENT_UNKNOWN' }],
      });
    });

    it('are checked after the URL', () => {
      expect(checkSubscription({ url: 'http://example.vn', events: ['x'] }, false)?.code).toBe('WEBHOOK.URL_INVALID');
      expect(checkSubscription({ url: 'https://example.vn', events: ['x'] }, false)?.code).toBe('WEBHOOK.EVENT_UNKNOWN');
      expect(checkSubscription({ url: 'https://example.vn', events: [] }, false)).toBeNull();
    });
  });
});
