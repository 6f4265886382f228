import { Module } from '@nestjs/common';
import { SmtpSender } from './smtp.sender';

/** The email channel: SMTP through nodemailer. */
@Module({ providers: [SmtpSender], exports: [SmtpSender] })
export class EmailModule {}
