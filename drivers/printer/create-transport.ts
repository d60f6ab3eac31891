import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { type PrinterTarget, parsePrinterUri } from './printer-uri.js';
import type { PrinterTransport } from './transport.js';
import { FileTransport } from './transports/file.js';
import { NoneTransport } from './transports/none.js';
import { SerialTransport } from './transports/serial.js';
import { SimulatedTransport } from './transports/simulated.js';
import { TcpTransport } from './transports/tcp.js';
import { UsblpTransport } from './transports/usblp.js';

export interface TransportOptions {
  /** Where the `simulated` printer writes PNGs when the URI names no directory. */
  simulatedDir?: string;
  connectTimeoutMs?: number;
}

/**
 * Builds the transport for a printer URI (see PRINTER_URI_FORMS). Throws PrinterConfigError
 * naming `setting` for an unknown scheme or a malformed URI.
 */
export function createTransport(
  uri: string | PrinterTarget,
  logger: Logger,
  options: TransportOptions = {},
  setting = 'printer.uri',
): PrinterTransport {
  const target = typeof uri === 'string' ? parsePrinterUri(uri, setting) : uri;
  switch (target.kind) {
    case 'usblp':
      return new UsblpTransport(target.path, logger);
    case 'tcp':
      return new TcpTransport(target.host, target.port, logger, options);
    case 'serial':
      return new SerialTransport(target.path, target.baudRate, logger);
    case 'file':
      return new FileTransport(target.path);
    case 'simulated':
      return new SimulatedTransport(
        target.dir ?? options.simulatedDir ?? join(tmpdir(), 'xephang-printer'),
        logger,
      );
    case 'none':
      return new NoneTransport();
  }
}
