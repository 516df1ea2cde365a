// The optional sound for new red alerts: off by default, the choice kept in this browser. A short
// two-tone chime made with Web Audio (no file to load); browsers allow it after the user's first click,
// which turning the sound on is.
const KEY = "hallwatch.alertSound";

export const soundEnabled = (): boolean => localStorage.getItem(KEY) === "on";
export const setSoundEnabled = (on: boolean): void => localStorage.setItem(KEY, on ? "on" : "off");

let context: AudioContext | null = null;

export function chime(): void {
  try {
    context ??= new AudioContext();
    const start = context.currentTime;
    for (const [i, freq] of [880, 660].entries()) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.2, start + i * 0.25);
      gain.gain.exponentialRampToValueAtTime(0.001, start + i * 0.25 + 0.22);
      osc.connect(gain).connect(context.destination);
      osc.start(start + i * 0.25);
      osc.stop(start + i * 0.25 + 0.24);
    }
  } catch {
    // no audio device: the alert still shows
  }
}
