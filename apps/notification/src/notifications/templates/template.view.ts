import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { DescribedTemplate } from './template-catalogue';
import type { RenderedMessage } from './render-template';

@ApiSchema({ name: 'TemplatePlaceholder', description: 'A `{name}` a template uses, and what it stands for' })
export class PlaceholderView {
  @ApiProperty({ example: 'dossierCode' })
  name: string;

  @ApiProperty({ example: 'Mã hồ sơ (<mã đơn vị>-<YYMMDD>-<NNNN>)' })
  meaning: string;
}

/** A message template as an operator reads it. */
@ApiSchema({ name: 'MessageTemplate', description: 'A message template as an operator reads it' })
export class TemplateView {
  @ApiProperty({ example: 'dossier.received' })
  key: string;

  @ApiProperty({ enum: ['applicant', 'officer'], example: 'applicant' })
  audience: string;

  @ApiProperty({ description: 'When it is sent (Vietnamese).', example: 'Bộ phận Một cửa tiếp nhận hồ sơ (intake.dossier.accepted).' })
  description: string;

  @ApiProperty({
    enum: ['email', 'sms', 'officer'],
    isArray: true,
    description: "The channels it can go by: an applicant's by email (subject and body) or SMS (the sms text); an officer's to their work inbox.",
    example: ['email', 'sms'],
  })
  channels: string[];

  @ApiProperty({ example: 'Hồ sơ {dossierCode} đã được tiếp nhận' })
  subject: string;

  @ApiProperty({ example: 'Kính gửi Ông/Bà {applicantName},\n\nHồ sơ của Ông/Bà đã được tiếp nhận lúc {receivedAt}.\n- Mã hồ sơ: {dossierCode}' })
  body: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The SMS form (applicants only), sent instead of subject and body by SMS; null for an officer’s.',
    example: 'Hồ sơ {dossierCode} đã được tiếp nhận lúc {receivedAt}, hẹn trả kết quả {appointmentAt}.',
  })
  sms: string | null;

  @ApiProperty({ type: [PlaceholderView] })
  placeholders: PlaceholderView[];
}

@ApiSchema({ name: 'MessageTemplateList', description: 'Every message template' })
export class TemplateList {
  @ApiProperty({ type: [TemplateView] })
  items: TemplateView[];
}

@ApiSchema({ name: 'TemplatePreview', description: 'A template rendered with the values given, in each of its forms' })
export class TemplatePreview {
  @ApiProperty({ example: 'dossier.received' })
  key: string;

  @ApiProperty({ example: 'Hồ sơ 000.00.01.H26-261126-0001 đã được tiếp nhận' })
  subject: string;

  @ApiProperty({ example: 'Kính gửi Ông/Bà Nguyễn Thị Hoa,\n\nHồ sơ của Ông/Bà đã được tiếp nhận lúc 09:05 ngày 26/11/2026.' })
  body: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The SMS text; null for an officer’s template.',
    example: 'Hồ sơ 000.00.01.H26-261126-0001 đã được tiếp nhận lúc 09:05 ngày 26/11/2026, hẹn trả kết quả 17:00 ngày 01/12/2026.',
  })
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
