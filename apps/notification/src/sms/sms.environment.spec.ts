import { EnvironmentError, readEnvironment } from '@motcua/config';
import { SIMULATOR_API_KEY, SIMULATOR_CALLBACK_SECRET, SmsEnvironment, simulatorCredentialsElsewhere } from './sms.environment';

describe('the SMS environment', () => {
  it('defaults to the local simulator, brandname MOTCUA, three segments, no link', () => {
    expect(readEnvironment(SmsEnvironment, {})).toMatchObject({
      SMS_GATEWAY_URL: 'http://127.0.0.1:3101',
      SMS_BRANDNAME: 'MOTCUA',
      SMS_GATEWAY_API_KEY: SIMULATOR_API_KEY,
      SMS_MAX_SEGMENTS: 3,
      SMS_CALLBACK_SECRET: SIMULATOR_CALLBACK_SECRET,
      SMS_LOOKUP_URL: undefined,
    });
  });

  it('reads a lookup URL with its placeholder, and the segments as a number', () => {
    const env = readEnvironment(SmsEnvironment, { SMS_LOOKUP_URL: 'https://dichvucong.example.gov.vn/tra-cuu?ma={dossierCode}', SMS_MAX_SEGMENTS: '2' });
    expect(env).toMatchObject({ SMS_LOOKUP_URL: 'https://dichvucong.example.gov.vn/tra-cuu?ma={dossierCode}', SMS_MAX_SEGMENTS: 2 });
  });

  it.each([
    ['SMS_GATEWAY_URL', 'ftp://gateway'],
    ['SMS_BRANDNAME', 'MOT CUA QUOC GIA'],
    ['SMS_BRANDNAME', 'Một Cửa'],
    ['SMS_MAX_SEGMENTS', '0'],
    ['SMS_MAX_SEGMENTS', '7'],
    ['SMS_GATEWAY_API_KEY', 'short'],
    ['SMS_CALLBACK_SECRET', 'too-short'],
    ['SMS_LOOKUP_URL', 'tra-cuu'],
  ])('stops the service on a bad %s (%j), naming it', (name, value) => {
    expect(() => readEnvironment(SmsEnvironment, { [name]: value })).toThrow(EnvironmentError);
    expect(() => readEnvironment(SmsEnvironment, { [name]: value })).toThrow(name);
  });
});

describe("the simulator's credentials", () => {
  const simulator = { SMS_GATEWAY_API_KEY: SIMULATOR_API_KEY, SMS_CALLBACK_SECRET: SIMULATOR_CALLBACK_SECRET };

  it('are fine for a gateway on this machine', () => {
    for (const url of ['http://127.0.0.1:3101', 'http://localhost:3101', 'http://[::1]:3101', 'http://sms.localhost']) {
      expect(simulatorCredentialsElsewhere({ ...simulator, SMS_GATEWAY_URL: url })).toEqual([]);
    }
  });

  it('are refused, each, for any other gateway', () => {
    expect(simulatorCredentialsElsewhere({ ...simulator, SMS_GATEWAY_URL: 'https://api.brandname.example.vn' })).toEqual([
      'SMS_GATEWAY_API_KEY: must be set for a gateway other than the local simulator',
      'SMS_CALLBACK_SECRET: must be set for a gateway other than the local simulator',
    ]);
    expect(
      simulatorCredentialsElsewhere({
        SMS_GATEWAY_URL: 'https://api.brandname.example.vn',
        SMS_GATEWAY_API_KEY: 'k'.repeat(32),
        SMS_CALLBACK_SECRET: 's'.repeat(32),
      }),
    ).toEqual([]);
  });
});
