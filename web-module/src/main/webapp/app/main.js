// The app's entry point: defines the shell; routes.js names the screens, loaded when first opened.
import './shell.js';
