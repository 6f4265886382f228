import { Refusal } from '@motcua/errors';
import { checkTemplates, UndeclaredPlaceholder } from './check-templates';
import { MESSAGE_TEMPLATES, type MessageTemplate } from './message-templates';
import { TemplateCatalogue } from './template-catalogue';

const officer = (over: Partial<MessageTemplate> = {}): MessageTemplate => ({
  audience: 'officer',
  description: 'thử',
  subject: 'Hồ sơ {dossierCode}',
  body: 'Kính gửi đồng chí {officer}',
  placeholders: { dossierCode: 'Mã hồ sơ', officer: 'Cán bộ' },
  ...over,
});

describe('checking the templates at start', () => {
  it('passes every template the service ships', () => {
    expect(() => checkTemplates(MESSAGE_TEMPLATES)).not.toThrow();
  });

  it('stops at a placeholder a text uses but the template does not declare, naming both', () => {
    expect(() => checkTemplates({ 'task.typo': officer({ body: 'Kính gửi đồng chí {oficer}' }) })).toThrow(
      'template task.typo: its body uses {oficer}, which the template does not declare and its rule does not supply',
    );
    expect(() => checkTemplates({ x: officer({ subject: '{code}' }) })).toThrow(UndeclaredPlaceholder);
  });

  it('reads the SMS form too, and wants one on every applicant’s template', () => {
    const applicant = officer({ audience: 'applicant', sms: 'Hồ sơ {dossierCode} {secret}' });
    expect(() => checkTemplates({ 'dossier.x': applicant })).toThrow('template dossier.x: its sms uses {secret}');
    expect(() => checkTemplates({ 'dossier.y': { ...applicant, sms: undefined } })).toThrow("template dossier.y: an applicant's template needs its SMS form");
  });

  it('stops the service: the catalogue refuses to initialise with such a template', () => {
    const catalogue = new TemplateCatalogue({ ...MESSAGE_TEMPLATES, 'coordinator.milestone': officer({ subject: 'Hồ sơ {dossierCode}: {milestone}' }) });
    expect(() => catalogue.onModuleInit()).toThrow('template coordinator.milestone: its subject uses {milestone}');
  });
});

function refusalOf(preview: () => unknown): Refusal | undefined {
  try {
    preview();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  return undefined;
}

describe('previewing a template', () => {
  const catalogue = new TemplateCatalogue();

  it('renders every form with the values given', () => {
    const values = { dossierCode: 'X-1', officer: 'Bùi Quang Dũng', milestone: 'kết quả đã được ký', occurredAt: '09:05 ngày 26/11/2026', details: '…' };
    expect(catalogue.preview('coordinator.milestone', values)).toMatchObject({
      subject: 'Hồ sơ X-1: kết quả đã được ký',
      body: expect.stringMatching(/^Kính gửi đồng chí Bùi Quang Dũng,/),
    });
  });

  it('refuses an unknown key, and names every placeholder left without a value', () => {
    expect(refusalOf(() => catalogue.preview('no.such', {}))).toMatchObject({ code: 'TEMPLATE.NOT_FOUND' });
    expect(refusalOf(() => catalogue.preview('constructor', {}))).toMatchObject({ code: 'TEMPLATE.NOT_FOUND' });
    expect(refusalOf(() => catalogue.preview('task.taken_away', { dossierCode: 'X-1' }))).toMatchObject({
      code: 'TEMPLATE.PLACEHOLDER_MISSING',
      errors: expect.arrayContaining([expect.objectContaining({ field: 'values.officer' }), expect.objectContaining({ field: 'values.stepNumber' })]),
    });
  });
});
