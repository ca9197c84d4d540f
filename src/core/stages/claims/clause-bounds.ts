/** Clause boundary before the trigger: a semicolon, or a comma followed by a conjunction. */
export function clauseStartBefore(
  text: string,
  sentenceStart: number,
  triggerStart: number,
): number {
  const before = text.slice(sentenceStart, triggerStart)
  const boundary =
    /(?:;|,\s*(?:while|whereas|but|as|and|although|though|after|before|when|which|who)\b|\s(?:while|whereas|but)\s)(?![^;]*(?:;|,\s*(?:while|whereas|but|as|and|although|though|after|before|when|which|who)\b|\s(?:while|whereas|but)\s))/i.exec(
      before,
    )
  return boundary ? sentenceStart + boundary.index + boundary[0].length : sentenceStart
}

/** Where the clause that starts at `from` ends: "denied that X, while Y" does not deny Y. */
export function clauseEndAfter(text: string, from: number, sentenceEnd: number): number {
  const boundary =
    /;|,\s*(?:while|whereas|but|although|though|even as|as)\s|\s(?:while|whereas)\s/i.exec(
      text.slice(from, sentenceEnd),
    )
  return boundary ? from + boundary.index : sentenceEnd
}
