// What the vault needs of the master keyring: seal a credential under the current key, open one sealed under any
// key still configured. Additional data strings come from store/sealed-columns.ts.
export interface Sealer {
  seal(plaintext: string, aad: string): string;
  open(sealed: string, aad: string): string;
}
