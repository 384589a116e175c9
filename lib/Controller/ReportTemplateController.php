<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Controller;

use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Report\Template\ReportTemplates;
use OCA\PilotFeedback\ResponseDefinitions;
use OCA\PilotFeedback\Settings\AdminSettings;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\ApiRoute;
use OCP\AppFramework\Http\Attribute\AuthorizedAdminSetting;
use OCP\AppFramework\Http\Attribute\UserRateLimit;
use OCP\AppFramework\Http\DataResponse;
use OCP\IRequest;
use OCP\IUserSession;

/**
 * The administrator's choice of the ODT and DOCX templates (letterhead) of report documents.
 *
 * @psalm-import-type PilotFeedbackReportTemplate from ResponseDefinitions
 * @psalm-import-type PilotFeedbackReportTemplates from ResponseDefinitions
 */
class ReportTemplateController extends ApiController {
	public function __construct(
		IRequest $request,
		private ReportTemplates $templates,
		private IUserSession $userSession,
	) {
		parent::__construct($request);
	}

	/**
	 * The chosen report templates
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackReportTemplates, array{}>
	 *
	 * 200: The templates per format, null where none is chosen
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'GET', url: '/api/v1/settings/report-templates')]
	public function index(): DataResponse {
		return new DataResponse($this->templates->all());
	}

	/**
	 * Choose a file of your Files as the template of report documents in a format
	 *
	 * The file is checked at once and copied: reports made afterwards use its styles, page
	 * layout, header and footer.
	 *
	 * @param string $fileFormat odt or docx (not "format": OCS reads that as the response format)
	 * @param string $path The file's path in your Files
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackReportTemplate, array{}>
	 * @throws ValidationException The format is unknown or the file cannot serve as a template
	 * @throws NotFoundException There is no such file
	 *
	 * 200: The template is chosen
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[UserRateLimit(limit: 60, period: 600)]
	#[ApiRoute(verb: 'PUT', url: '/api/v1/settings/report-templates/{fileFormat}')]
	public function choose(string $fileFormat, mixed $path = null): DataResponse {
		$user = $this->userSession->getUser();
		if ($user === null) {
			throw new ValidationException('Log in to choose a template.');
		}
		return new DataResponse($this->templates->choose($user->getUID(), $fileFormat, $path));
	}

	/**
	 * Go back to the built-in layout for a format
	 *
	 * @param string $fileFormat odt or docx (not "format": OCS reads that as the response format)
	 *
	 * @return DataResponse<Http::STATUS_OK, PilotFeedbackReportTemplates, array{}>
	 * @throws ValidationException The format is unknown
	 *
	 * 200: The template is removed
	 */
	#[AuthorizedAdminSetting(settings: AdminSettings::class)]
	#[ApiRoute(verb: 'DELETE', url: '/api/v1/settings/report-templates/{fileFormat}')]
	public function remove(string $fileFormat): DataResponse {
		return new DataResponse($this->templates->remove($fileFormat));
	}
}
