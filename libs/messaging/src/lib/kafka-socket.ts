// kafkajs's default socket factory only turns keep-alive on. Its requests are
// small writes answered by the broker (produce with acks, fetch, heartbeat,
// offset commit), the pattern where Nagle's algorithm holds a write back
// until the previous one is acknowledged and delayed ACKs hold that
// acknowledgement back: TCP_NODELAY sends every request at once.
import net from 'node:net';
import tls from 'node:tls';
import type { ISocketFactory } from 'kafkajs';

/** kafkajs's keep-alive delay. */
const KEEP_ALIVE_DELAY_MS = 60_000;

/** kafkajs's default socket factory plus TCP_NODELAY. */
export const noDelaySocketFactory: ISocketFactory = ({ host, port, ssl, onConnect }) => {
  const socket = ssl
    ? tls.connect({ host, port, ...(net.isIP(host) ? {} : { servername: host }), ...ssl }, onConnect)
    : net.connect({ host, port }, onConnect);
  socket.setKeepAlive(true, KEEP_ALIVE_DELAY_MS);
  socket.setNoDelay(true);
  return socket;
};
