<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\ResponseDefinitions;
use OCA\PilotFeedback\Settings\AccessibilityStatement;
use OCA\PilotFeedback\Settings\AdminSettings;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\AuthorizedAdminSetting;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\DataResponse;
use OCP\IL10N;
use OCP\IRequest;

/**
 * The accessibility statement (BITV 2.0): every user reads it, the administrator edits it.
 *
 * @psalm-import-type PilotFeedbackAccessibilityStatement from ResponseDefinitions
 * @psalm-import-type PilotFeedbackAccessibilitySettings from ResponseDefinitions
 */
class AccessibilityStatementController extends ApiController {
	public function __construct(
		IRequest $request,
		private AccessibilityStatement $statement,
		private IL10N $l,
	) {
		parent::__construct($request);
	}

	/**
	 * Read the accessibility statement in the reader's language
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackAccessibilityStatement, array{}>
	 *
	 * 200: Statement returned
	 */
	#[NoAdminRequired]
	#[ApiRoute(verb: 'GET', url: '/api/v1/accessibility-statement')]
	public function show(): DataResponse {
		return new DataResponse($this->statement->forReader($this->l->getLanguageCode()));
	}

	/**
	 * Read the accessibility statement's settings: both languages, the contact and the templates
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackAccessibilitySettings, array{}>
	 *
	 * 200: Settings returned
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'GET', url: '/api/v1/settings/accessibility')]
	public function settings(): DataResponse {
		return new DataResponse($this->statement->settings());
	}

	/**
	 * Change the accessibility statement; a value left out keeps its value, an empty statement shows the template again
	 *
	 * @param string|null $statementDe The German statement (Markdown, at most 20 000 characters)
	 * @param string|null $statementEn The English statement (Markdown, at most 20 000 characters)
	 * @param string|null $contact Where a barrier is reported: an e-mail address or an https URL; empty for none
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackAccessibilitySettings, array{}>
	 * @throws ValidationException A text too long or not text, or a contact that is no e-mail address or https URL
	 *
	 * 200: Settings updated
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/settings/accessibility')]
	public function update(mixed $statementDe = null, mixed $statementEn = null, mixed $contact = null): DataResponse {
		return new DataResponse($this->statement->update($statementDe, $statementEn, $contact));
	}
}
