import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { readEnvironment } from '@motcua/config';
import type { ChannelSender, OutgoingMessage, SendOutcome } from '../delivery/channel-sender';
import { EmailEnvironment } from './email.environment';
import { type SmtpError, isMailAddress, letterHtml, smtpOutcome } from './smtp-outcome';

/**
 * Email over SMTP (nodemailer, a pooled transport: connections kept open and reused). Each message carries a
 * Message-ID made of the notification's id, the same on every attempt: SMTP has no idempotency key, so a message
 * sent again after a crash (the server accepted it, our record did not commit) reaches the mailbox as the same
 * message, which mail clients fold into one; the attempt's record says so.
 */
@Injectable()
export class SmtpSender implements ChannelSender, OnApplicationShutdown {
  readonly channel = 'email';
  private readonly env = readEnvironment(EmailEnvironment);
  private readonly transport: Transporter<SMTPPool.SentMessageInfo>;

  constructor() {
    this.transport = createTransport({
      pool: true,
      host: this.env.SMTP_HOST,
      port: this.env.SMTP_PORT,
      secure: this.env.SMTP_SECURE,
      requireTLS: this.env.SMTP_REQUIRE_TLS,
      tls: { rejectUnauthorized: this.env.SMTP_TLS_REJECT_UNAUTHORIZED },
      auth: this.env.SMTP_USER ? { user: this.env.SMTP_USER, pass: this.env.SMTP_PASSWORD } : undefined,
      maxConnections: this.env.SMTP_MAX_CONNECTIONS,
      maxMessages: this.env.SMTP_MAX_MESSAGES,
    });
  }

  /** The Message-ID every attempt of the notification carries. */
  messageId(notificationId: string): string {
    return `<${notificationId}@${this.env.MAIL_MESSAGE_ID_DOMAIN}>`;
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    if (!isMailAddress(message.recipient)) return { kind: 'permanent', error: `not an email address: ${message.recipient}` };
    const messageId = this.messageId(message.notificationId);
    try {
      const info = await this.transport.sendMail({
        from: { name: this.env.MAIL_FROM_NAME, address: this.env.MAIL_FROM_ADDRESS },
        to: message.recipient,
        subject: message.subject,
        text: message.body,
        html: letterHtml(message.body),
        messageId,
        headers: { 'X-MotCua-Dossier': message.dossierCode },
      });
      if (info.rejected.length > 0) return { kind: 'permanent', error: `the server refused ${info.rejected.join(', ')}: ${info.response}` };
      const again = message.attempt > 1 ? `; attempt ${message.attempt} under the same Message-ID (a repeat folds into one message)` : '';
      return { kind: 'accepted', providerMessageId: messageId, response: `${info.response}; Message-ID ${messageId}${again}` };
    } catch (error) {
      return smtpOutcome(error as SmtpError);
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
