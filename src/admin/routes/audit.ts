import { Type } from 'typebox';
import { AppError } from '../../errors.js';
import type { Services } from '../../services.js';
import { listAudit } from '../../events/audit.js';
import { principalOf } from '../auth.js';
import { visibleSpaces } from '../rbac.js';
import { AuditEntry, AuditQuery } from '../schemas.js';
import { pageRequest, type Typed } from './common.js';

export function auditRoutes(app: Typed, services: Services): void {
  app.get(
    '/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary: 'Admin mutations and vault events, newest first (global admins see all; others the spaces where they are admin or owner)',
        querystring: AuditQuery,
        response: { 200: Type.Object({ items: Type.Array(AuditEntry), next_cursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (req) => {
      const only = visibleSpaces(principalOf(req), 'audit:read');
      if (only && only.length === 0) throw new AppError('forbidden', 'reading the audit log needs the admin role');
      const { limit } = pageRequest({ limit: req.query.limit });
      return listAudit(services.store.db, {
        spaces: only,
        space: req.query.space,
        action: req.query.action,
        type: req.query.type,
        actor: req.query.actor,
        targetType: req.query.target_type,
        targetId: req.query.target_id,
        since: req.query.since ? new Date(req.query.since) : undefined,
        until: req.query.until ? new Date(req.query.until) : undefined,
        before: req.query.cursor ? Number(req.query.cursor) : undefined,
        limit,
      });
    },
  );
}
