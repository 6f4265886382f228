import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BackgroundLoop } from '@motcua/bootstrap';
import { readEnvironment } from '@motcua/config';
import { NationalPortal } from '../portal/national-portal';
import { PortalEnvironment } from '../portal/portal.environment';
import { IntakeSubmissions } from './intake-submissions';
import { onlineSubmissionOf } from './online-submission';
import { OnlineStore } from './online.store';

/**
 * Use case, online dossiers in: pulls the portal's new online dossiers and files each at intake (channel 2) under
 * `Idempotency-Key: portal:<MaHoSoQG>`; once intake has it (201 new, 200 already filed) it is confirmed to the portal
 * (XacNhan), so a crash between the two only files it again as the same dossier. A dossier intake will not take
 * (its 4xx: an unknown procedure, a desk that does not exist…) is kept with intake's message in `online_refused`
 * for operators and confirmed too: pulled again it would be refused again, forever, and hold its place in every
 * pull. Intake unavailable: not confirmed, pulled again next time.
 */
@Injectable()
export class PullOnlineDossiers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PullOnlineDossiers.name);
  private readonly env = readEnvironment(PortalEnvironment);
  private readonly loop = new BackgroundLoop(
    'online pull',
    async () => {
      await this.pullOnce();
      return this.env.PORTAL_PULL_INTERVAL_MS;
    },
    this.env.PORTAL_PULL_INTERVAL_MS,
  );

  constructor(
    private readonly portal: NationalPortal,
    private readonly intake: IntakeSubmissions,
    private readonly store: OnlineStore,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.PORTAL_PULL_INTERVAL_MS === 0) return;
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** One pull; returns what became of each dossier pulled (the loop's step, callable from tests). */
  async pullOnce(): Promise<{ filed: number; refused: number; failed: number }> {
    const counts = { filed: 0, refused: 0, failed: 0 };
    const pulled = await this.portal.onlineDossiers(this.env.PORTAL_PULL_BATCH);
    if (pulled.kind !== 'accepted') {
      this.logger.warn(`online dossiers not pulled: ${pulled.error}`);
      return counts;
    }
    for (const dossier of pulled.value) {
      const submission = onlineSubmissionOf(dossier);
      const answer = await this.intake.file(submission);
      if (answer.kind === 'transient') {
        counts.failed += 1;
        this.logger.warn({ portalReference: dossier.MaHoSoQG }, `online dossier not filed yet: ${answer.error}`);
        continue;
      }
      if (answer.kind === 'refused') {
        counts.refused += 1;
        this.logger.error(
          { portalReference: dossier.MaHoSoQG, status: answer.status, code: answer.code },
          `intake refused the online dossier: ${answer.message}`,
        );
        await this.store.recordRefused(dossier.MaHoSoQG, answer, dossier);
      } else counts.filed += 1;
      const confirmed = await this.portal.confirmOnline(dossier.MaHoSoQG);
      if (confirmed.kind !== 'accepted') this.logger.warn({ portalReference: dossier.MaHoSoQG }, `not confirmed to the portal: ${confirmed.error}`);
    }
    return counts;
  }
}
