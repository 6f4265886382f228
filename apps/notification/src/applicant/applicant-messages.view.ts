import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** A message the applicant was sent, as they see it: their address masked, no officer's internals. */
@ApiSchema({ name: 'ApplicantMessage', description: 'A message the applicant was sent, as they see it: their address masked' })
export class ApplicantMessageView {
  @ApiProperty({ format: 'uuid', example: '0193b1f4-5c6e-7a8b-9c0d-1e2f3a4b5c6d' })
  id: string;

  @ApiProperty({ enum: ['email', 'sms', 'none'], example: 'email', description: 'none: they gave no email or phone (status no_contact).' })
  channel: string;

  @ApiProperty({ type: String, nullable: true, example: 'h***@example.vn', description: 'Where it went, masked.' })
  to: string | null;

  @ApiProperty({ example: 'Hồ sơ 000.00.01.H26-261126-0001 đã được tiếp nhận' })
  subject: string;

  @ApiProperty({ example: 'Kính gửi Ông/Bà Nguyễn Thị Hoa,\n\nHồ sơ của Ông/Bà đã được tiếp nhận lúc 09:05 ngày 26/11/2026.' })
  body: string;

  @ApiProperty({
    enum: ['pending', 'sent', 'delivered', 'undelivered', 'failed', 'no_contact'],
    example: 'delivered',
    description:
      'pending: being sent; sent: accepted by the provider; delivered / undelivered: as the provider reported; failed: it will not go; no_contact: no email or phone was given.',
  })
  status: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-26T09:05:00.000+07:00' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the provider accepted it.', example: '2026-11-26T09:05:01.204+07:00' })
  sentAt: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the provider reported it delivered.',
    example: '2026-11-26T09:05:09.000+07:00',
  })
  deliveredAt: string | null;
}

@ApiSchema({ name: 'ApplicantMessages', description: 'The messages the applicant was sent about their dossier' })
export class ApplicantMessagesView {
  @ApiProperty({ example: '000.00.01.H26-261126-0001' })
  dossierCode: string;

  @ApiProperty({ type: [ApplicantMessageView], description: 'Oldest first.' })
  items: ApplicantMessageView[];
}

/** An email address or phone number with most of it hidden: enough for its owner to recognise it. */
export function maskAddress(address: string | null): string | null {
  if (!address) return null;
  const at = address.indexOf('@');
  if (at > 0) return `${address[0]}***${address.slice(at)}`;
  return address.length > 5 ? `${address.slice(0, 2)}${'*'.repeat(address.length - 5)}${address.slice(-3)}` : '***';
}
