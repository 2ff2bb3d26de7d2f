import { buildApp } from './app.js';

const { app } = await buildApp();
app.synth();
