// The page of every admin list: the store reads it by keyset (store/paging.ts); services map its rows to views.
export { mapPage, type Page, type PageRequest } from '../store/paging.js';
