import { ApiProperty } from '@nestjs/swagger';
import type { DescribedTemplate } from './template-catalogue';
import type { RenderedMessage } from './render-template';

export class PlaceholderView {
  @ApiProperty({ example: 'dossierCode' })
  name: string;

  @ApiProperty({ example: 'Mã hồ sơ (<mã đơn vị>-<YYMMDD>-<NNNN>)' })
  meaning: string;
}

/** A message template as an operator reads it. */
export class TemplateView {
  @ApiProperty({ example: 'dossier.received' })
  key: string;

  @ApiProperty({ enum: ['applicant', 'officer'] })
  audience: string;

  @ApiProperty({ description: 'When it is sent.' })
  description: string;

  @ApiProperty({
    enum: ['email', 'sms', 'officer'],
    isArray: true,
    description: "The channels it can go by: an applicant's by email (subject and body) or SMS (the sms text); an officer's to their work inbox.",
  })
  channels: string[];

  @ApiProperty({ example: 'Hồ sơ {dossierCode} đã được tiếp nhận' })
  subject: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ type: String, nullable: true, description: 'The SMS form (applicants only), sent instead of subject and body by SMS.' })
  sms: string | null;

  @ApiProperty({ type: [PlaceholderView] })
  placeholders: PlaceholderView[];
}

export class TemplateList {
  @ApiProperty({ type: [TemplateView] })
  items: TemplateView[];
}

export class TemplatePreview {
  @ApiProperty({ example: 'dossier.received' })
  key: string;

  @ApiProperty()
  subject: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ type: String, nullable: true })
  sms: string | null;
}

export function toTemplateView(template: DescribedTemplate): TemplateView {
  return {
    key: template.key,
    audience: template.audience,
    description: template.description,
    channels: template.audience === 'applicant' ? ['email', 'sms'] : ['officer'],
    subject: template.subject,
    body: template.body,
    sms: template.sms ?? null,
    placeholders: Object.entries(template.placeholders).map(([name, meaning]) => ({ name, meaning })),
  };
}

export function toTemplatePreview(key: string, message: RenderedMessage): TemplatePreview {
  return { key, subject: message.subject, body: message.body, sms: message.sms ?? null };
}
