import { ApiProperty } from '@nestjs/swagger';

/** A message the applicant was sent, as they see it: their address masked, no officer's internals. */
export class ApplicantMessageView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['email', 'sms', 'none'] })
  channel: string;

  @ApiProperty({ type: String, nullable: true, example: 'h***@example.vn', description: 'Where it went, masked.' })
  to: string | null;

  @ApiProperty({ example: 'Hồ sơ 000.00.01.H26-261126-0001 đã được tiếp nhận' })
  subject: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ enum: ['pending', 'sent', 'delivered', 'undelivered', 'failed', 'no_contact'] })
  status: string;

  @ApiProperty({ example: '2026-11-26T09:05:00.000+07:00' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true })
  sentAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  deliveredAt: string | null;
}

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
