export * from './membership';
export * from './standing';
export * from './caps';
export * from './chair-term';
export * from './composition';
export {
  ALARM_SEVERITY,
  ALARM_SEVERITIES,
  CAPTURE_ALARM_CODES,
  type AlarmSeverity,
  type CaptureAlarm,
  type CaptureAlarmCode,
  type CaptureAlarmParams,
  type AlarmChairRef,
  type AlarmPersonRef,
} from './capture-alarm';
export * from './capture-alarms';
export * from './cross-group-alarms';
export { chairAlarms } from './chair-alarms';
export { organisationCapAlarms, stakeholderGroupCapAlarms } from './composition-alarms';
export * from './admission-effect';
export { affiliationEndedAlarms, affiliationUnconfirmedAlarms, affiliationUnverifiedAlarms } from './member-alarms';
export { ALARM_NAMES_SHOWN } from './alarm-names';
