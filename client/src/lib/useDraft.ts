// Text a user is still editing before it is applied (search box, filters). It follows the applied
// value when that changes from elsewhere (back button, a link) without remounting the input, so
// focus stays where the user left it.
import { useState } from "react";

export function useDraft(applied: string): [string, (draft: string) => void] {
  const [draft, setDraft] = useState(applied);
  const [lastApplied, setLastApplied] = useState(applied);
  if (lastApplied !== applied) {
    setLastApplied(applied);
    setDraft(applied);
  }
  return [draft, setDraft];
}
