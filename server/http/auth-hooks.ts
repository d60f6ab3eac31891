import type {} from '@fastify/cookie';
import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIPv4 } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DeviceIdentity } from '../../core/contracts/pairing.js';
import type { Role } from '../../core/contracts/site.js';
import { DomainError, type ErrorCode } from '../../core/domain/errors.js';
import type { Authenticated, AuthService } from '../services/auth-service.js';

export const SESSION_COOKIE = 'xh_session';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
    authProblem: ErrorCode | null;
    /** a paired kiosk/tablet/screen (cookie xh_device), set by installPairedDevices */
    device: DeviceIdentity | null;
  }
}

/** Resolves the session cookie on every request; routes then ask for a role with `requireRole`. */
export function installAuth(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('authProblem', null);
  app.addHook('onRequest', async (req) => {
    try {
      req.auth = auth.authenticate(req.cookies[SESSION_COOKIE]);
    } catch (e) {
      req.authProblem = e instanceof DomainError ? e.code : 'UNAUTHENTICATED';
    }
  });
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * preHandler: a live session with one of the roles; unsafe methods must also carry the session's
 * CSRF token in `x-csrf-token` (cookie-authenticated state changes).
 */
export function requireRole(...roles: Role[]) {
  return async (req: FastifyRequest) => {
    if (!req.auth) throw new DomainError(req.authProblem ?? 'UNAUTHENTICATED');
    if (roles.length && !roles.includes(req.auth.official.role)) throw new DomainError('FORBIDDEN');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, req.auth.session.csrf))
        throw new DomainError('CSRF_FAILED');
    }
  };
}

export function authOf(req: FastifyRequest): Authenticated {
  if (!req.auth) throw new DomainError('UNAUTHENTICATED');
  return req.auth;
}

/** IP allow-list for kiosks and displays (XEPHANG_DEVICE_ALLOW); loopback is always allowed. */
export function deviceAllowList(entries: readonly string[]): (ip: string) => boolean {
  if (entries.length === 0) return () => true;
  const list = new BlockList();
  for (const e of entries) {
    const [addr, bits] = e.split('/') as [string, string | undefined];
    const type = isIPv4(addr) ? 'ipv4' : 'ipv6';
    if (bits) list.addSubnet(addr, Number(bits), type);
    else list.addAddress(addr, type);
  }
  return (raw) => {
    const ip = raw.startsWith('::ffff:') ? raw.slice(7) : raw;
    if (ip === '127.0.0.1' || ip === '::1') return true;
    return list.check(ip, isIPv4(ip) ? 'ipv4' : 'ipv6');
  };
}

/** preHandler for device-only paths (kiosk issuing): allowed IPs, a paired device or a logged-in staff member. */
export function requireDevice(allowed: (ip: string) => boolean) {
  return async (req: FastifyRequest) => {
    if (req.auth || req.device || allowed(req.ip)) return;
    throw new DomainError('DEVICE_NOT_ALLOWED');
  };
}
