// Person names for the demo hall, drawn from the surname and given-name lists. A name register
// keeps names unique within a hall, so a supervisor searching for "张静" finds one person.
import { FEMALE_SHARE, GIVEN_NAME_CHARS, SURNAMES, TWO_CHAR_GIVEN_NAME_SHARE, type Gender } from "./catalogPeople.ts";
import type { Random } from "./random.ts";

export interface Person {
  name: string;
  gender: Gender;
}

const MAX_ATTEMPTS = 50;

export class NameRegister {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  /** Marks names as taken (people made by another generator of the same hall). */
  reserve(names: Iterable<string>): void {
    for (const name of names) this.used.add(name);
  }

  /** A new person whose name nobody in this register has yet. */
  person(gender: Gender = this.random.chance(FEMALE_SHARE) ? "F" : "M"): Person {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const name = this.compose(gender);
      if (!this.used.has(name)) {
        this.used.add(name);
        return { name, gender };
      }
    }
    throw new Error(`No unused name left after ${MAX_ATTEMPTS} attempts`);
  }

  private compose(gender: Gender): string {
    const chars = GIVEN_NAME_CHARS[gender];
    const surname = this.random.weighted(SURNAMES);
    const first = this.random.pick(chars);
    if (!this.random.chance(TWO_CHAR_GIVEN_NAME_SHARE)) return `${surname}${first}`;
    let second = this.random.pick(chars);
    while (second === first) second = this.random.pick(chars);
    return `${surname}${first}${second}`;
  }
}
