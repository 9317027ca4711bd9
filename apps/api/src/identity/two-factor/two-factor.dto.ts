import { createZodDto } from 'nestjs-zod';
import { secondFactorProof, secondFactorRequest, twoFactorCodeRequest, twoFactorResetRequest } from '@parley/contracts';

export class TwoFactorCodeDto extends createZodDto(twoFactorCodeRequest) {}
export class SecondFactorProofDto extends createZodDto(secondFactorProof) {}
export class SecondFactorDto extends createZodDto(secondFactorRequest) {}
export class TwoFactorResetDto extends createZodDto(twoFactorResetRequest) {}
