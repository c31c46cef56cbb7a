/** The socket.io live feed and the Colyseus transport that shares its HTTP server (see each module's header). */
export { FEED_AUTH_MESSAGES } from './auth.ts';
export { attachLiveFeed, type FeedServer, type LiveFeed, type LiveFeedDeps } from './liveFeed.ts';
export { createTransport, FEED_PATH, isFeedRequest, type TransportSettings } from './transport.ts';
export * from './types.ts';
