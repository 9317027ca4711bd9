export { openDocx } from './open-docx';
export { readUploadedDocx, uploadedDocx } from './uploaded-docx';
