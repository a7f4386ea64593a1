let on = false;

/** True while a telemetry SDK runs; every helper is a plain pass-through otherwise. */
export function telemetryOn(): boolean {
  return on;
}

export function setTelemetryOn(value: boolean): void {
  on = value;
}
