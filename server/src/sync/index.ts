/** The synced state: the Colyseus schema, the per-role doc projection and the StateView grants. */
export { assembleView } from '@parley/shared/sync/assemble.ts';
export { docView, flattenView } from '@parley/shared/sync/flatten.ts';
export { docRole, roleKey } from '@parley/shared/sync/roleKey.ts';
export { grantDoc, revokeDoc } from './grant.ts';
export { type DocChanges, type Project, ProjectionSync } from './projection.ts';
export { ClockAnchor, createRoomState, Entry, RoomState, SYNC_BUFFER_SIZE, ViewDoc, ViewList } from './schema.ts';
