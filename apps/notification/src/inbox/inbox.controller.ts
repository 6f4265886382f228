import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@motcua/auth';
import { Refusal } from '@motcua/errors';
import { toVietnamIso } from '@motcua/calendar';
import { isId } from '@motcua/persistence';
import { InboxQueries } from './inbox.queries';
import { ListInboxRequest } from './list-inbox.request';
import { InboxStore } from './inbox.store';
import { InboxPage } from './inbox.view';

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
  @ApiOperation({ summary: 'The caller’s own messages, newest first, with the unread count; `unread=true` lists only unread ones.' })
  @ApiOkResponse({ type: InboxPage })
  list(@Query() request: ListInboxRequest, @CurrentPrincipal() caller: Principal): Promise<InboxPage> {
    if (caller.kind !== 'officer') throw new Refusal('INBOX.OFFICERS_ONLY');
    return this.inbox.list({ officerId: caller.subject, unreadOnly: request.unread ?? false, limit: request.limit, cursor: request.cursor });
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks one of the caller’s messages read (again: no change). 404 for a message not in their inbox.' })
  async markRead(@Param('id') id: string, @CurrentPrincipal() caller: Principal): Promise<{ id: string; readAt: string }> {
    if (caller.kind !== 'officer' || !isId(id)) throw notInInbox(id);
    const read = await this.store.markRead(id, caller.subject, new Date());
    if (!read) throw notInInbox(id);
    return { id, readAt: toVietnamIso(read.readAt) };
  }
}
