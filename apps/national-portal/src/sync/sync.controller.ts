import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@motcua/auth';
import { ApiProblems, Refusal } from '@motcua/errors';
import { PageRequest } from '@motcua/persistence';
import { IsIn, IsOptional } from 'class-validator';
import { RetrySync } from './retry-sync';
import { SYNC_VIEW_MODELS, SyncRecordDetailView, SyncRecordPage } from './sync-record.view';
import { type SyncListState, SyncQueries } from './sync.queries';

export class ListSyncRequest extends PageRequest {
  @ApiPropertyOptional({
    enum: ['pending', 'failed', 'parked'],
    default: 'pending',
    description: 'pending: updates waiting, none refused yet; failed: the last attempt failed, retrying; parked: refused too often, waiting for an operator',
  })
  @IsOptional()
  @IsIn(['pending', 'failed', 'parked'])
  state: SyncListState = 'pending';
}

const notFound = (key: string) => new Refusal('PORTAL.SYNC_NOT_FOUND', `No sync record ${key}`);

const SYNC_KEY = ApiParam({
  name: 'key',
  description: 'The dossier code, or `QG:<MaHoSoQG>` for an online dossier refused before it had one',
  example: '004.01.20.H26-261207-0001',
});

/** The operators' view of what the portal has not yet accepted (admin). */
@ApiTags('portal sync')
@ApiExtraModels(...SYNC_VIEW_MODELS)
@Roles(Role.Admin)
@Controller('api/v1/portal/sync')
export class SyncController {
  constructor(
    private readonly queries: SyncQueries,
    private readonly retrySync: RetrySync,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List the dossiers the portal has not yet taken',
    description:
      'For administrators watching the sync with the National Public Service Portal (Cổng Dịch vụ công quốc gia): dossiers with updates ' +
      'waiting (`pending`), failing (`failed`: the last error kept) or parked after too many refusals (`parked`), oldest first. Paged: ' +
      '`limit` (1 to 100, default 20) per page; pass a page’s `nextCursor` as `cursor` for the next one (null on the last page).',
  })
  @ApiOkResponse({ type: SyncRecordPage, description: 'One page, oldest first' })
  list(@Query() request: ListSyncRequest): Promise<SyncRecordPage> {
    return this.queries.list(request.state, request.limit, request.cursor);
  }

  @Get(':key')
  @ApiOperation({
    summary: 'Read one dossier’s sync record',
    description: 'For administrators: one dossier’s sync record with its queue of updates (HoSo versions and progress rows), sent and unsent, in order.',
  })
  @SYNC_KEY
  @ApiOkResponse({ type: SyncRecordDetailView })
  @ApiProblems('PORTAL.SYNC_NOT_FOUND')
  async one(@Param('key') key: string): Promise<SyncRecordDetailView> {
    const record = await this.queries.one(key);
    if (!record) throw notFound(key);
    return record;
  }

  @Post(':key/retry')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Retry a parked or failing dossier now',
    description:
      'For administrators, once what the portal refused is fixed: unparks the dossier (or retries a failing one) now, its refusals ' +
      'forgotten, and answers its sync record. Retrying again does no harm.',
  })
  @SYNC_KEY
  @ApiOkResponse({ type: SyncRecordDetailView, description: 'The record, due now' })
  @ApiProblems('PORTAL.SYNC_NOT_FOUND')
  async retry(@Param('key') key: string): Promise<SyncRecordDetailView> {
    if (!(await this.retrySync.execute(key))) throw notFound(key);
    const record = await this.queries.one(key);
    if (!record) throw notFound(key);
    return record;
  }
}
