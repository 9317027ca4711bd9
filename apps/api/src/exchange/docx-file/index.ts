export { openDocx } from './open-docx';
