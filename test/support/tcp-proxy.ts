import net from 'node:net';

/**
 * A TCP proxy in front of the machine's PostgreSQL, to simulate the faults a
 * test may not cause on the real server: `pause()` is a hung database (every
 * connection stays open, nothing goes through, new connections are accepted
 * and never answered), `close()` a database that is down (nothing listens on
 * the port: ECONNREFUSED), `resume()` and `reopen()` its return.
 */
export interface TcpProxy {
  port: number;
  pause(): void;
  resume(): void;
  /** Destroys every connection and stops listening. */
  close(): Promise<void>;
  /** Listens again on the same port. */
  reopen(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let paused = false;
  const links = new Set<{ client: net.Socket; upstream?: net.Socket; toUpstream: Buffer[]; toClient: Buffer[] }>();
  const sockets = new Set<net.Socket>();

  const connectUpstream = (link: { client: net.Socket; upstream?: net.Socket; toUpstream: Buffer[]; toClient: Buffer[] }) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    link.upstream = upstream;
    upstream.on('data', (chunk: Buffer) => (paused ? link.toClient.push(chunk) : link.client.write(chunk)));
    upstream.on('error', () => link.client.destroy());
    upstream.on('close', () => {
      sockets.delete(upstream);
      link.client.destroy();
    });
    flush(link);
  };
  const flush = (link: { client: net.Socket; upstream?: net.Socket; toUpstream: Buffer[]; toClient: Buffer[] }) => {
    if (!link.upstream) return;
    for (const chunk of link.toUpstream.splice(0)) link.upstream.write(chunk);
    for (const chunk of link.toClient.splice(0)) link.client.write(chunk);
  };

  const server = net.createServer((client) => {
    sockets.add(client);
    const link: { client: net.Socket; upstream?: net.Socket; toUpstream: Buffer[]; toClient: Buffer[] } = { client, toUpstream: [], toClient: [] };
    links.add(link);
    client.on('data', (chunk: Buffer) => (paused || !link.upstream ? link.toUpstream.push(chunk) : link.upstream.write(chunk)));
    client.on('error', () => link.upstream?.destroy());
    client.on('close', () => {
      sockets.delete(client);
      links.delete(link);
      link.upstream?.destroy();
    });
    if (!paused) connectUpstream(link);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
      for (const link of links) (link.upstream ? flush(link) : connectUpstream(link));
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    reopen: () => listen(port),
  };
}
