import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@motcua/auth';
import { ApiProblems, Refusal } from '@motcua/errors';
import { toVietnamIso } from '@motcua/calendar';
import { isId } from '@motcua/persistence';
import { InboxQueries } from './inbox.queries';
import { ListInboxRequest } from './list-inbox.request';
import { InboxStore } from './inbox.store';
import { InboxMessageRead, InboxPage } from './inbox.view';

const notInInbox = (id: string) => new Refusal('INBOX.MESSAGE_NOT_FOUND', `No message ${id} in your inbox`);

/** An officer's work inbox: what the suite told them (a task taken away, a dossier they coordinate moving on). */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('api/v1/inbox')
export class InboxController {
  constructor(
    private readonly inbox: InboxQueries,
    private readonly store: InboxStore,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The caller’s own inbox, newest first',
    description:
      'What the suite told the calling officer (a task taken away from them, a dossier they coordinate moving on), newest first, ' +
      'with the count of unread messages in the whole inbox; `unread=true` lists only the unread ones. For officers: each reads ' +
      'only their own inbox. A page at a time: `limit` (1–100, 20 by default), then the answer’s `nextCursor` as `cursor` for the ' +
      'next (older) page, until it is null.',
  })
  @ApiOkResponse({ type: InboxPage, description: 'A page of the inbox.' })
  @ApiProblems('INBOX.OFFICERS_ONLY')
  list(@Query() request: ListInboxRequest, @CurrentPrincipal() caller: Principal): Promise<InboxPage> {
    if (caller.kind !== 'officer') throw new Refusal('INBOX.OFFICERS_ONLY');
    return this.inbox.list({ officerId: caller.subject, unreadOnly: request.unread ?? false, limit: request.limit, cursor: request.cursor });
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Marks one of the caller’s messages read',
    description:
      'For the officer whose inbox holds the message: anyone else’s message, or one that does not exist, is 404 alike. Marking it ' +
      'read again changes nothing and answers when it was first read.',
  })
  @ApiParam({ name: 'id', description: 'The message’s id', example: '0193b1f4-5c6e-7a8b-9c0d-1e2f3a4b5c6d' })
  @ApiOkResponse({ type: InboxMessageRead, description: 'The message, read.' })
  @ApiProblems('INBOX.MESSAGE_NOT_FOUND')
  async markRead(@Param('id') id: string, @CurrentPrincipal() caller: Principal): Promise<InboxMessageRead> {
    if (caller.kind !== 'officer' || !isId(id)) throw notInInbox(id);
    const read = await this.store.markRead(id, caller.subject, new Date());
    if (!read) throw notInInbox(id);
    return { id, readAt: toVietnamIso(read.readAt) };
  }
}
