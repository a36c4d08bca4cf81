/**
 * Sync between a team's devices, independent of the transport: team secrets and join codes,
 * the multiplexed y-protocols session, the encrypted transport, and sync bundles (README.md).
 */
export {
  createTeam,
  decodeJoinCode,
  deriveKeys,
  encodeJoinCode,
  teamIdHash,
  JOIN_CODE_VERSION,
  SECRET_BYTES,
  type JoinCode,
  type JoinCodeRefusal,
  type JoinCodeResult,
  type TeamKeys,
} from './team-secret'
export {
  isSyncOrigin,
  startSyncSession,
  DEFLATE_MIN_BYTES,
  type SyncOrigin,
  type SyncSession,
  type SyncSessionOptions,
} from './sync-session'
export type { SyncProgress, SyncStatus } from './session-status'
export { SYNC_PROTOCOL_VERSION } from './multiplex'
export { MAX_PACKET_BYTES } from './chunking'
export {
  encryptedTransport,
  type EncryptedTransport,
  type EncryptedTransportOptions,
} from './crypto-transport'
export {
  exportBundle,
  importBundle,
  BUNDLE_VERSION,
  type BundleRefusal,
  type ExportBundleOptions,
  type ImportBundleResult,
  type ImportedBundle,
} from './bundle'
export {
  decodeStateVectors,
  encodeStateVectors,
  STATE_VECTORS_VERSION,
  type StateVectorsRefusal,
  type StateVectorsResult,
} from './state-vectors'
export { FrameError, SyncError, type RandomBytes, type Refusal } from './errors'
export { joinTeamSync, type JoinTeamSyncOptions, type TeamSync } from './webrtc-peers'
export {
  createPairingOffer,
  acceptPairingOffer,
  type PairingOptions,
  type PairingOffer,
  type PairingRefusal,
  type PairingResult,
} from './pairing'
export {
  rtcTransport,
  type RtcTransport,
  type RtcTransportOptions,
  type RtcTransportStats,
} from './rtc-transport'
export type { PeerLink, PeerStatus, PeerState } from './peer-link'
export type { RTCPeerConnectionConstructor, WebSocketConstructor, CompressionStreams } from './webrtc-host'
export {
  BRIDGE_CHANNEL,
  BRIDGE_VERSION,
  createPageBridgeTransport,
  onBridgeAnnounce,
  type BridgeWindow,
} from './bridge-transport'
export { deriveOpenRooms, openRoomInfo, OPEN_ROOM_COUNT, type OpenRoom } from './open-rooms'
export { createDeviceKeys, deviceIdOf, type DeviceKeys, type WrappedSecret } from './device-keys'
export {
  registerDevice,
  readDevices,
  DEVICES_MAP,
  DEVICE_NAME_MAX,
  type DeviceRegistration,
  type TeamDevice,
} from './devices'
export {
  rotateTeamSecret,
  readKeyChain,
  openKeyEpoch,
  teamKeyState,
  unfinishedRemovals,
  keyCheckOf,
  KEY_EPOCHS_MAP,
  type KeyChain,
  type KeyEpochRecord,
  type Removal,
  type RotateOptions,
  type TeamKeyState,
} from './key-epochs'
