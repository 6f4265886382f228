import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { AuthEnvironment } from './auth-environment';
import { ensureDevKeys, issueDevToken } from './dev-keys';
import { Role } from './principal';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

describe('TokenVerifier', () => {
  let keysDir: string;
  let devKey: KeyObject;
  let verifier: TokenVerifier;

  const environment = (overrides: Partial<AuthEnvironment> = {}): AuthEnvironment =>
    Object.assign(new AuthEnvironment(), { AUTH_DEV_KEYS_DIR: keysDir, ...overrides });

  const claims = { kind: 'officer', roles: ['receiver'], agencies: ['000.00.01.H26'] };
  const signed = (alg: string, key: KeyObject | Uint8Array, edit: (jwt: SignJWT) => SignJWT = (j) => j) =>
    edit(
      new SignJWT(claims)
        .setProtectedHeader({ alg })
        .setSubject('officer-1')
        .setIssuer('motcua-dev')
        .setAudience('motcua')
        .setIssuedAt()
        .setExpirationTime('5m'),
    ).sign(key);

  beforeAll(() => {
    keysDir = mkdtempSync(join(tmpdir(), 'motcua-auth-spec-'));
    devKey = ensureDevKeys(keysDir).privateKey;
    verifier = new TokenVerifier(environment());
  });
  afterAll(() => rmSync(keysDir, { recursive: true, force: true }));

  it('turns a good dev token into the principal it names', async () => {
    const token = await issueDevToken({
      subject: 'officer-1',
      roles: [Role.Receiver, Role.HeadOfDesk],
      agencies: ['000.00.01.H26'],
      scopes: ['dossiers:read', 'dossiers:write'],
      keysDir,
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 'officer-1',
      kind: 'officer',
      roles: [Role.Receiver, Role.HeadOfDesk],
      agencies: ['000.00.01.H26'],
      scopes: ['dossiers:read', 'dossiers:write'],
    });
  });

  it('ignores roles it does not know rather than refusing the officer', async () => {
    const token = await signed('ES256', devKey, (j) => j);
    const withExtra = await new SignJWT({ ...claims, roles: ['receiver', 'super_user'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('officer-1')
      .setIssuer('motcua-dev')
      .setAudience('motcua')
      .setExpirationTime('5m')
      .sign(devKey);
    await expect(verifier.verify(token)).resolves.toMatchObject({ roles: [Role.Receiver] });
    await expect(verifier.verify(withExtra)).resolves.toMatchObject({ roles: [Role.Receiver] });
  });

  it('serves a verified token from its cache only until the token expires', async () => {
    const token = await signed('ES256', devKey);
    await expect(verifier.verify(token)).resolves.toMatchObject({ subject: 'officer-1' });
    const tenMinutesLater = Date.now() + 10 * 60_000;
    const clock = jest.spyOn(Date, 'now').mockReturnValue(tenMinutesLater);
    try {
      await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
    } finally {
      clock.mockRestore();
    }
  });

  const rejects = async (token: string | Promise<string>, v: TokenVerifier = verifier) =>
    expect(v.verify(await token)).rejects.toBeInstanceOf(InvalidTokenError);

  it('rejects an expired token', () =>
    rejects(signed('ES256', devKey, (j) => j.setIssuedAt(Math.floor(Date.now() / 1000) - 3600).setExpirationTime(Math.floor(Date.now() / 1000) - 60))));

  it('rejects a token without exp', async () => {
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('officer-1')
      .setIssuer('motcua-dev')
      .setAudience('motcua')
      .sign(devKey);
    await rejects(token);
  });

  it('rejects another issuer', () => rejects(signed('ES256', devKey, (j) => j.setIssuer('https://evil.example'))));

  it('rejects another audience', () => rejects(signed('ES256', devKey, (j) => j.setAudience('portal'))));

  it('rejects a shared-secret HS256 token, even one "signed" with the public key bytes', async () => {
    const publicPem = ensureDevKeys(keysDir).publicKey.export({ type: 'spki', format: 'pem' });
    await rejects(signed('HS256', new TextEncoder().encode(String(publicPem))));
  });

  it('rejects an unsigned (alg none) token', async () => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, sub: 'officer-1', iss: 'motcua-dev', aud: 'motcua', exp: now + 300 })}.`;
    await rejects(token);
  });

  it('rejects an algorithm outside the allowlist even with the right key', async () => {
    const rsOnly = new TokenVerifier(environment({ AUTH_ALGORITHMS: 'RS256' }));
    await rejects(signed('ES256', devKey), rsOnly);
  });

  it('rejects a tampered payload and a token signed by another key', async () => {
    const token = await signed('ES256', devKey);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...claims, roles: ['admin'], sub: 'officer-1', iss: 'motcua-dev', aud: 'motcua', exp: Math.floor(Date.now() / 1000) + 300 }),
    ).toString('base64url');
    await rejects(`${header}.${forged}.${signature}`);
    const { privateKey: stranger } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await rejects(signed('ES256', stranger));
  });

  it('rejects a token without a known kind', async () => {
    const token = await new SignJWT({ roles: [] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('x')
      .setIssuer('motcua-dev')
      .setAudience('motcua')
      .setExpirationTime('5m')
      .sign(devKey);
    await rejects(token);
  });

  it('verifies against a configured public key file (RS256)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const file = join(keysDir, 'idp.pem');
    writeFileSync(file, publicKey.export({ type: 'spki', format: 'pem' }));
    const fromFile = new TokenVerifier(environment({ AUTH_PUBLIC_KEY_FILE: file }));
    await expect(fromFile.verify(await signed('RS256', privateKey))).resolves.toMatchObject({ subject: 'officer-1' });
    await rejects(signed('ES256', devKey), fromFile); // the dev key is not trusted once a key file is set
  });
});
