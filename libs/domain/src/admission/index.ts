export {
  CHECK_IN_CODE_ALPHABET,
  CHECK_IN_CODE_LENGTH,
  parseCheckInCode,
  parseQrPayload,
  QR_PAYLOAD_PREFIX,
  QR_PAYLOAD_SCHEME,
  qrPayloadOf,
  type CheckInCodeProblem,
} from './credential';
