import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { AmqpContext } from './amqp-context';

/**
 * Keeps what a message handler threw on its AmqpContext. Nest's RPC exception filter replaces any error that is
 * not an RpcException by "Internal server error"; the transport needs the real message for the retry and
 * parking-lot headers. Passes everything else (HTTP, other transports) through untouched.
 */
@Injectable()
export class HandlerFailureInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const rpc = context.switchToRpc().getContext<unknown>();
    if (!(rpc instanceof AmqpContext)) return next.handle();
    return next.handle().pipe(
      catchError((err: unknown) => {
        rpc.failure = err;
        return throwError(() => err);
      }),
    );
  }
}
