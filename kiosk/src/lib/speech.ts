// Optional zh-CN voice prompts (Web Speech API) for elderly and low-vision citizens; silent where the
// browser has no speech synthesis.
export function speak(text: string, lang: "zh-CN" | "en"): void {
  if (!("speechSynthesis" in window)) return;
  try {
    window.speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.lang = lang === "zh-CN" ? "zh-CN" : "en-US";
    u.rate = 0.9;
    window.speechSynthesis.speak(u);
  } catch {
    // a pad without voices simply stays silent
  }
}
