// Side-by-side benchmarks against oidc-provider arrive with the token endpoint (next milestone); until then
// there is nothing on a hot path to measure.
console.log('keyward bench: no benchmarks yet: the token, introspection and authorization endpoints come next.');
