import { Injectable } from '@nestjs/common';
import { queryPrepared } from '@motcua/persistence';
import { DataSource } from 'typeorm';

/** Online dossiers intake would not take: kept with intake's message for operators (once per portal reference). */
@Injectable()
export class OnlineStore {
  constructor(private readonly dataSource: DataSource) {}

  async recordRefused(portalReference: string, refusal: { status: number; code: string | null; message: string }, submission: object): Promise<void> {
    await queryPrepared(
      this.dataSource.manager,
      'portal.record-online-refused',
      `INSERT INTO online_refused (portal_reference, status, code, message, submission) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (portal_reference) DO UPDATE SET status = EXCLUDED.status, code = EXCLUDED.code, message = EXCLUDED.message, refused_at = now()`,
      [portalReference, refusal.status, refusal.code, refusal.message, JSON.stringify(submission)],
    );
  }
}
