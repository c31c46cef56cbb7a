/** The delegation's communications: the POC hotline (and assistance), the channels, the team notes. */
export { ChannelsPanel } from './ChannelsPanel.tsx';
export { HotlinePanel } from './HotlinePanel.tsx';
export { TeamNotesPanel } from './TeamNotesPanel.tsx';
