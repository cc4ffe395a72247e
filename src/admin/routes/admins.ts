// Admin accounts, roles and API tokens. Creating admins and granting roles needs the owner role for every
// space involved; tokens are managed by their own admin (and revocable by a global owner).
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { etagOf } from '../../registry/etag.js';
import { checkRole } from '../accounts.js';
import type { Services } from '../../services.js';
import { actorOf, principalOf } from '../auth.js';
import { IfMatchHeaders, ifMatchOf, sendTagged, withETag } from '../conditional.js';
import { GLOBAL, requirePermission, visibleSpaces } from '../rbac.js';
import { AdminInput, AdminParams, AdminTokenCreated, RoleInput, TokenInput } from '../schemas.js';
import { optionalBody, type Typed } from './common.js';

const tags = ['admins'];
const RoleParams = Type.Object({ admin_id: Type.String({ maxLength: 100 }), space: Type.String({ maxLength: 100 }) });
const TokenParams = Type.Object({ admin_id: Type.String({ maxLength: 100 }), token_id: Type.String({ maxLength: 100 }) });

const resolveId = (req: FastifyRequest, id: string) => (id === 'me' ? principalOf(req).adminId : id);

/** Token management is for the token's own admin, or a global owner. */
function requireSelfOrOwner(req: FastifyRequest, adminId: string): void {
  if (principalOf(req).adminId !== adminId) requirePermission(principalOf(req), 'admins:manage', GLOBAL);
}

/**
 * Nobody gives up their own global owner role (like nobody disables or deletes themselves): the last global owner
 * would otherwise lock everybody out of managing admins. Another global owner can still change it.
 */
function refuseSelfDemotion(req: FastifyRequest, adminId: string, space: string, role: string | null): void {
  const p = principalOf(req);
  if (adminId === p.adminId && space === GLOBAL && p.roles.get(GLOBAL) === 'owner' && role !== 'owner') {
    throw new AppError('conflict', 'you cannot give up your own owner role for all spaces; another global owner can change it');
  }
}

export function adminRoutes(app: Typed, services: Services): void {
  app.get(
    '/admins',
    {
      schema: {
        tags,
        summary: 'List admins (all for a global owner; else those sharing a space you own)',
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Admin')) }) },
      },
    },
    async (req) => {
      const only = visibleSpaces(principalOf(req), 'admins:manage');
      if (only && only.length === 0) throw new AppError('forbidden', 'listing admins needs the owner role in at least one space');
      return { items: await services.admins.list(only) };
    },
  );

  app.post(
    '/admins',
    {
      schema: { tags, summary: 'Create an admin account with roles', body: AdminInput, response: { 201: Type.Ref('Admin') } },
    },
    async (req, reply) => {
      const roles = req.body.roles ?? [];
      if (roles.length === 0) requirePermission(principalOf(req), 'admins:manage', GLOBAL);
      for (const r of roles) requirePermission(principalOf(req), 'admins:manage', r.space);
      if (req.body.disabled !== undefined) throw new AppError('invalid_request', 'disabled can be set only on update', 'disabled');
      return reply.code(201).send(await services.admins.create(req.body as never, actorOf(req)));
    },
  );

  app.get(
    '/admins/:admin_id',
    {
      schema: {
        tags,
        summary: 'Get an admin ("me" for yourself), with their ETag',
        params: AdminParams,
        response: { 200: withETag(Type.Ref('Admin')) },
      },
    },
    async (req, reply) => {
      const id = resolveId(req, req.params.admin_id);
      if (id !== principalOf(req).adminId) requirePermission(principalOf(req), 'admins:manage', GLOBAL);
      const admin = await services.admins.get(id);
      return sendTagged(reply, etagOf(admin), admin);
    },
  );

  app.patch(
    '/admins/:admin_id',
    {
      schema: {
        tags,
        summary: 'Change password (yourself or a global owner) or disable (global owner); with If-Match: only if unchanged since',
        params: AdminParams,
        headers: IfMatchHeaders,
        body: AdminInput,
        response: { 200: withETag(Type.Ref('Admin')) },
      },
    },
    async (req, reply) => {
      const id = resolveId(req, req.params.admin_id);
      const { password, disabled, email, roles } = req.body;
      if (email !== undefined) throw new AppError('invalid_request', 'email cannot be changed', 'email');
      if (roles !== undefined) throw new AppError('invalid_request', 'use PUT /admins/{id}/roles/{space} to change roles', 'roles');
      if (disabled !== undefined || id !== principalOf(req).adminId) requirePermission(principalOf(req), 'admins:manage', GLOBAL);
      if (disabled && id === principalOf(req).adminId) throw new AppError('conflict', 'you cannot disable yourself', 'disabled');
      const admin = await services.admins.update(id, { password, disabled }, actorOf(req), ifMatchOf(req));
      return sendTagged(reply, etagOf(admin), admin);
    },
  );

  app.delete(
    '/admins/:admin_id',
    {
      schema: {
        tags,
        summary: 'Delete an admin and their tokens (global owner)',
        params: AdminParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      const id = resolveId(req, req.params.admin_id);
      requirePermission(principalOf(req), 'admins:manage', GLOBAL);
      if (id === principalOf(req).adminId) throw new AppError('conflict', 'you cannot delete yourself');
      await services.admins.delete(id, actorOf(req), ifMatchOf(req));
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/admins/:admin_id/roles/:space',
    {
      schema: {
        tags,
        summary: "Grant or change an admin's role in a space (* = every space); If-Match takes the admin's ETag",
        params: RoleParams,
        headers: IfMatchHeaders,
        body: RoleInput,
        response: { 200: withETag(Type.Ref('Admin')) },
      },
    },
    async (req, reply) => {
      requirePermission(principalOf(req), 'admins:manage', req.params.space);
      const id = resolveId(req, req.params.admin_id);
      refuseSelfDemotion(req, id, req.params.space, req.body.role);
      const admin = await services.admins.setRole(id, req.params.space, checkRole('role', req.body.role), actorOf(req), ifMatchOf(req));
      return sendTagged(reply, etagOf(admin), admin);
    },
  );

  app.delete(
    '/admins/:admin_id/roles/:space',
    {
      schema: {
        tags,
        summary: "Remove an admin's role in a space; If-Match takes the admin's ETag",
        params: RoleParams,
        headers: IfMatchHeaders,
        response: { 200: withETag(Type.Ref('Admin')) },
      },
    },
    async (req, reply) => {
      requirePermission(principalOf(req), 'admins:manage', req.params.space);
      const id = resolveId(req, req.params.admin_id);
      refuseSelfDemotion(req, id, req.params.space, null);
      const admin = await services.admins.setRole(id, req.params.space, null, actorOf(req), ifMatchOf(req));
      return sendTagged(reply, etagOf(admin), admin);
    },
  );

  app.get(
    '/admins/:admin_id/tokens',
    {
      schema: {
        tags,
        summary: 'List API tokens (never their values)',
        params: AdminParams,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('AdminToken')) }) },
      },
    },
    async (req) => {
      const id = resolveId(req, req.params.admin_id);
      requireSelfOrOwner(req, id);
      await services.admins.get(id);
      return { items: await services.admins.listTokens(id) };
    },
  );

  app.post(
    '/admins/:admin_id/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token for yourself; the value is in this answer only',
        params: AdminParams,
        body: TokenInput,
        response: { 201: AdminTokenCreated },
      },
      preValidation: optionalBody,
    },
    async (req, reply) => {
      const id = resolveId(req, req.params.admin_id);
      // A token acts as its admin: minting one for somebody else would be impersonation.
      if (id !== principalOf(req).adminId) throw new AppError('forbidden', 'admins create API tokens only for themselves');
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(await services.admins.createToken(id, req.body, actorOf(req)));
    },
  );

  app.delete(
    '/admins/:admin_id/tokens/:token_id',
    {
      schema: { tags, summary: 'Revoke an API token', params: TokenParams, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      const id = resolveId(req, req.params.admin_id);
      requireSelfOrOwner(req, id);
      await services.admins.revokeToken(id, req.params.token_id, actorOf(req));
      return reply.code(204).send(null);
    },
  );
}
