// the UMD bundle of jsts ships no types; ./jsts.ts gives it the few it needs
declare module 'jsts/dist/jsts.min.js';
