import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@motcua/auth';
import { Refusal } from '@motcua/errors';
import { PageRequest } from '@motcua/persistence';
import { IsIn, IsOptional } from 'class-validator';
import { RetrySync } from './retry-sync';
import { type SyncListState, SyncQueries } from './sync.queries';

export class ListSyncRequest extends PageRequest {
  @IsOptional()
  @IsIn(['pending', 'failed', 'parked'])
  state: SyncListState = 'pending';
}

const notFound = (key: string) => new Refusal('PORTAL.SYNC_NOT_FOUND', `No sync record ${key}`);

/** The operators' view of what the portal has not yet accepted (admin). */
@ApiTags('portal sync')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('api/v1/portal/sync')
export class SyncController {
  constructor(
    private readonly queries: SyncQueries,
    private readonly retrySync: RetrySync,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Dossiers with updates waiting (pending), failing (failed: last error kept) or parked, oldest first.' })
  list(@Query() request: ListSyncRequest) {
    return this.queries.list(request.state, request.limit, request.cursor);
  }

  @Get(':key')
  @ApiOperation({ summary: 'One dossier’s sync record (by dossier code, or QG:<MaHoSoQG>) with its queue of updates.' })
  @ApiNotFoundResponse({ description: 'PORTAL.SYNC_NOT_FOUND' })
  async one(@Param('key') key: string) {
    const record = await this.queries.one(key);
    if (!record) throw notFound(key);
    return record;
  }

  @Post(':key/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unparks a dossier (or retries a failing one) now, its refusals forgotten.' })
  @ApiNotFoundResponse({ description: 'PORTAL.SYNC_NOT_FOUND' })
  async retry(@Param('key') key: string) {
    if (!(await this.retrySync.execute(key))) throw notFound(key);
    return this.queries.one(key);
  }
}
