/** undrift's exit codes (README "Exit codes"): every command returns one of these. */
export const EXIT = { ok: 0, drift: 1, usage: 2, liveUnreachable: 3 } as const;
