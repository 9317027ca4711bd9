import { createZodDto } from 'nestjs-zod';
import { addAffiliationRequest, addDeclarationRequest, loginRequest, registerRequest, updateAffiliationRequest } from '@parley/contracts';

export class RegisterDto extends createZodDto(registerRequest) {}
export class LoginDto extends createZodDto(loginRequest) {}
export class AddAffiliationDto extends createZodDto(addAffiliationRequest) {}
export class UpdateAffiliationDto extends createZodDto(updateAffiliationRequest) {}
export class AddDeclarationDto extends createZodDto(addDeclarationRequest) {}
