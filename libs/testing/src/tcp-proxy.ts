import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy for fault tests: put it between a service and PostgreSQL or RabbitMQ, then `cut()` to kill
 * every open connection and refuse new ones (as a network partition would), or `hang()` to kill them and take
 * new ones that are never answered (a server that froze, a network that drops packets), and `restore()` to heal.
 * The shared servers themselves are never stopped.
 */
export class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  /** Connections taken during a hang, never answered. */
  private readonly held = new Set<Socket>();
  private isCut = false;
  private isHung = false;

  /** Starts listening on a free local port and returns it. */
  async start(targetHost: string, targetPort: number): Promise<number> {
    const server = createServer((client) => {
      if (this.isCut) {
        client.destroy();
        return;
      }
      if (this.isHung) {
        // taken, and then silence: not a byte either way until the client gives up (or `restore`/`close`)
        this.held.add(client);
        client.on('close', () => this.held.delete(client)).on('error', () => client.destroy());
        return;
      }
      const upstream = createConnection({ host: targetHost, port: targetPort });
      this.track(client);
      this.track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      const end = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return (server.address() as AddressInfo).port;
  }

  get port(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  /** Destroys every open connection and refuses new ones until `restore()`. */
  cut(): void {
    this.isCut = true;
    for (const socket of [...this.sockets, ...this.held]) socket.destroy();
    this.sockets.clear();
    this.held.clear();
  }

  /** Destroys every open connection and takes new ones that are never answered, until `restore()`. */
  hang(): void {
    this.cut();
    this.isCut = false;
    this.isHung = true;
  }

  /** Heals a cut or a hang: connections held by a hang are closed, new ones reach the server again. */
  restore(): void {
    if (this.isHung) this.cut();
    this.isCut = false;
    this.isHung = false;
  }

  /** How many connections are open through the proxy now (during a hang: taken and held). */
  get openConnections(): number {
    return this.sockets.size / 2 + this.held.size;
  }

  async close(): Promise<void> {
    this.cut();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }
}
