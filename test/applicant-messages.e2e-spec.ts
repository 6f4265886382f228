import { Role } from '@motcua/auth';
import { type AnyJson, callApi, eventually, receiveDossier, useSuite } from '@motcua/testing';

/** The applicant reads what they were sent, with the lookup secret printed on their receipt (checked by intake). */
describe('the applicant’s own messages, by dossier code and lookup secret', () => {
  const fixture = useSuite('applicant-messages', ['intake', 'workflow', 'notification'], { DELIVERY_POLL_INTERVAL_MS: '0' });
  const messages = (code: string, headers: Record<string, string>) =>
    fetch(`${fixture.suite.url('notification')}/api/v1/dossiers/${code}/messages`, { headers }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as AnyJson,
    }));

  it('shows the receipt message to the holder of the secret, their address masked; a wrong or missing secret reads as no dossier', async () => {
    const { status, body: receipt } = await receiveDossier(fixture, {
      desk: '004.01.20.H26',
      wardCode: '00004',
      fullName: 'Nguyễn Thị Hoa',
      applicant: { email: 'hoa.nguyen@example.vn' },
    });
    expect(status).toBe(201);
    const shown = await eventually(async () => {
      const answer = await messages(receipt.code, { 'x-lookup-secret': receipt.lookupSecret });
      return answer.status === 200 && answer.body.items.length > 0 && answer;
    }, 'the applicant’s messages');
    expect(shown.body.items[0]).toMatchObject({
      channel: 'email',
      to: 'h***@example.vn',
      subject: `Hồ sơ ${receipt.code} đã được tiếp nhận`,
      body: expect.stringContaining('Kính gửi Ông/Bà Nguyễn Thị Hoa,'),
    });
    expect(shown.body.items[0]).not.toHaveProperty('recipient');

    for (const headers of [{ 'x-lookup-secret': 'AAAAAAAAAAAA' }, {}] as Record<string, string>[]) {
      const refused = await messages(receipt.code, headers);
      expect(refused.status).toBe(404);
      expect(refused.body.code).toBe('DOSSIER.NOT_FOUND');
    }
    expect((await messages('not-a-code', { 'x-lookup-secret': receipt.lookupSecret })).status).toBe(404);
    // intake decides who may see the dossier: its desk may, another agency's officer may not
    const url = `${fixture.suite.url('notification')}/api/v1/dossiers/${receipt.code}/messages`;
    expect((await callApi('GET', url, await fixture.anOfficer('004.01.20.H26', Role.Receiver))).status).toBe(200);
    expect((await callApi('GET', url, await fixture.anOfficer('001.01.20.H26', Role.Receiver))).status).toBe(404);
  });
});
