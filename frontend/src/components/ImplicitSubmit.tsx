/**
 * Forms inside a Modal have their OK button outside the <form>; this hidden submit button lets
 * Enter in any field submit the form (HTML implicit submission).
 */
export function ImplicitSubmit() {
  return <button type="submit" hidden aria-hidden tabIndex={-1} />;
}
