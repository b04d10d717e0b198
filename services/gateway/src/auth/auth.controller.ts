import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '@openday/contracts';
import { problem } from '@openday/platform';
import { Access, RateLimit } from '../access/access.decorator';
import { CurrentActor } from '../access/current-actor';
import { AccountsService } from '../accounts/accounts.service';
import {
  ActorDto,
  ChangePasswordRequest,
  CitizenSignInRequest,
  CodeSentDto,
  RefreshRequest,
  SignInCodeRequest,
  StaffSignInRequest,
  TokenPairDto,
} from './auth.dto';
import { CitizenSignInService, CodeRateLimited, type CodeSent } from './citizen-sign-in.service';
import { SessionsService, type TokenPair } from './sessions.service';

interface HeaderSetter {
  setHeader(name: string, value: string): void;
}

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly citizens: CitizenSignInService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post('staff/sign-in')
  @HttpCode(200)
  @Access.public()
  @RateLimit('sign-in')
  @ApiOperation({ summary: 'Staff sign in with username and password' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password, or the account is disabled.' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address (Retry-After).' })
  async staffSignIn(@Body() body: StaffSignInRequest): Promise<TokenPair> {
    const account = await this.accounts.authenticate(body.username, body.password);
    const refused = problem('sign-in-refused', { detail: 'Wrong username or password, or the account is disabled.' });
    if (!account) throw refused;
    return this.dataSource.transaction(async (manager) => {
      const active = await this.accounts.isActive(manager, account.id);
      if (!active) throw refused;
      await this.accounts.recordSignIn(manager, account.id);
      return this.sessions.start(manager, { id: active.id, kind: 'staff', role: active.role, agencyId: active.agency_id });
    });
  }

  @Post('citizen/sign-in-codes')
  @HttpCode(202)
  @Access.public()
  @RateLimit('sign-in')
  @ApiOperation({
    summary: 'Text a one-time sign-in code to a mobile number',
    description: '6 digits, valid 5 minutes, 5 tries; one code per number every 60 s and 10 in any 24 hours.',
  })
  @ApiAcceptedResponse({ type: CodeSentDto })
  @ApiTooManyRequestsResponse({ description: 'Asked too soon or too often for this number (Retry-After).' })
  async requestCode(@Body() body: SignInCodeRequest, @Res({ passthrough: true }) res: HeaderSetter): Promise<CodeSent> {
    try {
      return await this.citizens.requestCode(body.mobile);
    } catch (err) {
      if (err instanceof CodeRateLimited) res.setHeader('Retry-After', String(err.retryAfterSeconds));
      throw err;
    }
  }

  @Post('citizen/sign-in')
  @HttpCode(200)
  @Access.public()
  @RateLimit('sign-in')
  @ApiOperation({ summary: 'Citizen sign in with the mobile number and the code; the first sign-in creates the account' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ description: 'Wrong, expired, used or locked code.' })
  citizenSignIn(@Body() body: CitizenSignInRequest): Promise<TokenPair> {
    return this.citizens.signIn(body.mobile, body.code);
  }

  @Post('refresh')
  @HttpCode(200)
  @Access.public()
  @RateLimit('sign-in')
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens; the old refresh token is used up' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ description: 'Invalid, expired, revoked, or already used (which revokes the session).' })
  refresh(@Body() body: RefreshRequest): Promise<TokenPair> {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('sign-out')
  @HttpCode(204)
  @Access.public()
  @RateLimit('sign-in')
  @ApiOperation({ summary: 'End the session of a refresh token' })
  @ApiNoContentResponse()
  async signOut(@Body() body: RefreshRequest): Promise<void> {
    await this.sessions.signOut(body.refreshToken);
  }

  @Get('me')
  @Access.signedIn()
  @ApiOperation({ summary: 'Who the access token belongs to' })
  @ApiOkResponse({ type: ActorDto })
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }

  @Post('me/password')
  @HttpCode(204)
  @Access.staff()
  @ApiOperation({ summary: 'Change your own password (staff); every session ends' })
  @ApiNoContentResponse()
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordRequest): Promise<void> {
    await this.accounts.changeOwnPassword(actor, body.currentPassword, body.newPassword);
  }
}
